namespace CascadeGuard.Tool.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected failure inside the tool.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or a malformed input file.</summary>
    public const int BadInput = 2;
}
