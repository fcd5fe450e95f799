namespace CascadeGuard.Scheduling;

/// <summary>A fill the host's executor reports against an instruction.</summary>
/// <param name="FillId">The host's unique id for this fill; a repeated id is ignored.</param>
/// <param name="Instruction">The instruction filled.</param>
/// <param name="Quantity">Base units filled; finite and positive.</param>
/// <param name="Price">Average price of the fill; finite and positive.</param>
public readonly record struct FillReport(long FillId, InstructionId Instruction, double Quantity, double Price);
