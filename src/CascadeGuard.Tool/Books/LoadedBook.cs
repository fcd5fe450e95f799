using CascadeGuard.Margin;

namespace CascadeGuard.Tool.Books;

/// <summary>A book of accounts read from a file, with its assets' names, prices and risk parameters.</summary>
internal sealed record LoadedBook(
    IReadOnlyList<string> AssetNames,
    double[] Prices,
    RiskParameterTable Table,
    AccountBook Accounts,
    IReadOnlyList<string> AccountNames);
