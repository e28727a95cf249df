namespace Stretching.Web.Tests.Player;

/// <summary>
/// The player's timing and figure logic is JavaScript; its unit tests (timing.test.mjs and
/// figure.test.mjs, node's own test runner) run here so the README's one test command covers them too.
/// </summary>
public sealed class PlayerScriptTests
{
    [Fact]
    public Task TheTimingUnitTestsPassUnderNode() => NodeTestRunner.RunAsync("timing.test.mjs");

    [Fact]
    public Task TheFigureUnitTestsPassUnderNode() => NodeTestRunner.RunAsync("figure.test.mjs");
}
