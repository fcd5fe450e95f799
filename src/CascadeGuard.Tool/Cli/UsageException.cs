namespace CascadeGuard.Tool.Cli;

/// <summary>A bad command line: printed as one error line, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
