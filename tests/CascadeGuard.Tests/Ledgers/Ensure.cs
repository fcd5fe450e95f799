namespace CascadeGuard.Tests.Ledgers;

/// <summary>
/// A cheap failure for property loops that run millions of checks: FluentAssertions costs tens of microseconds per
/// assertion, which would dominate there. Callers test the condition themselves so the message is only built on failure.
/// </summary>
internal static class Ensure
{
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Fail(string message) => throw new Xunit.Sdk.XunitException(message);
}
