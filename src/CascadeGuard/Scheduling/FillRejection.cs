namespace CascadeGuard.Scheduling;

/// <summary>Why a fill was rejected.</summary>
public enum FillRejection
{
    /// <summary>The scheduler never issued the instruction, or forgot it after its retention.</summary>
    UnknownInstruction = 1,

    /// <summary>The fill is larger than what the instruction (or, for a late fill, its job) still has to sell.</summary>
    OverFill,
}
