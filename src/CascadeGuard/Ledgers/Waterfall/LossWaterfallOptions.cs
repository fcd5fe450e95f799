using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>Configuration of a <see cref="LossWaterfall"/>. Copied at construction.</summary>
public sealed class LossWaterfallOptions
{
    /// <summary>The last step of the waterfall. Default <see cref="FinalLossPolicy.Socialize"/>.</summary>
    public FinalLossPolicy FinalPolicy { get; set; } = FinalLossPolicy.Socialize;

    /// <summary>Share of each liquidation penalty paid into the insurance fund (up to its cap). Default 0.5; in [0, 1].</summary>
    public decimal PenaltyInsuranceShare { get; set; } = 0.5m;

    /// <summary>Share of each liquidation penalty shared among buffer-pool depositors as a reward. Default 0.3; in [0, 1].</summary>
    public decimal PenaltyPoolShare { get; set; } = 0.3m;

    /// <summary>Checks every field; the two shares must add up to at most 1 (the rest is retained by the platform).</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (FinalPolicy is not (FinalLossPolicy.Socialize or FinalLossPolicy.AutoDeleverage or FinalLossPolicy.AutoDeleverageThenSocialize))
        {
            Guard.Throw(nameof(FinalPolicy), FinalPolicy, "must be a defined FinalLossPolicy");
        }

        if (PenaltyInsuranceShare < 0m || PenaltyInsuranceShare > 1m)
        {
            Guard.Throw(nameof(PenaltyInsuranceShare), PenaltyInsuranceShare, "must be in [0, 1]");
        }

        if (PenaltyPoolShare < 0m || PenaltyPoolShare > 1m || PenaltyInsuranceShare + PenaltyPoolShare > 1m)
        {
            Guard.Throw(nameof(PenaltyPoolShare), PenaltyPoolShare, "must be in [0, 1] and add up with PenaltyInsuranceShare to at most 1");
        }
    }

    internal LossWaterfallOptions Clone() => new() { FinalPolicy = FinalPolicy, PenaltyInsuranceShare = PenaltyInsuranceShare, PenaltyPoolShare = PenaltyPoolShare };
}
