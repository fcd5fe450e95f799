using CascadeGuard.Margin;

namespace CascadeGuard.Tool.Books;

/// <summary>Builds <see cref="AssetRiskParameters"/> from a file, turning the library's refusal into a located format error.</summary>
internal static class RiskParameters
{
    public static AssetRiskParameters Create(
        BookBuilder builder,
        string location,
        double loanToValue,
        double liquidationThreshold,
        double liquidationPenalty,
        MaintenanceSchedule? schedule,
        Func<string, string>? fieldName = null)
    {
        try
        {
            return new AssetRiskParameters(loanToValue, liquidationThreshold, liquidationPenalty, schedule);
        }
        catch (ArgumentOutOfRangeException e)
        {
            var field = e.ParamName switch
            {
                "loanToValue" => "loan_to_value",
                "liquidationThreshold" => "liquidation_threshold",
                "liquidationPenalty" => "liquidation_penalty",
                _ => e.ParamName ?? "asset",
            };
            throw builder.Error(location, fieldName?.Invoke(field) ?? field, FirstSentence(e.Message));
        }
    }

    /// <summary>The library's message without the parameter-name suffix the runtime appends.</summary>
    public static string FirstSentence(string message)
    {
        var end = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
