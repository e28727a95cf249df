namespace Stretching.Web.Tests.Player;

/// <summary>
/// The player's timing and figure logic is JavaScript, and so are the record it keeps and the outbox
/// that sends it; their unit tests (node's own test runner) run here so the README's one test command
/// covers them too.
/// </summary>
public sealed class PlayerScriptTests
{
    [Fact]
    public Task TheTimingUnitTestsPassUnderNode() => NodeTestRunner.RunAsync("timing.test.mjs");

    [Fact]
    public Task TheFigureUnitTestsPassUnderNode() => NodeTestRunner.RunAsync("figure.test.mjs");

    [Fact]
    public Task TheRecordUnitTestsPassUnderNode() => NodeTestRunner.RunAsync("record.test.mjs");

    [Fact]
    public Task TheOutboxUnitTestsPassUnderNode() => NodeTestRunner.RunAsync("outbox.test.mjs");
}
