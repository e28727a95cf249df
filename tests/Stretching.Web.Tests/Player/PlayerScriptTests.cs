using System.Diagnostics;

namespace Stretching.Web.Tests.Player;

/// <summary>
/// The player's timing logic is JavaScript; its unit tests (timing.test.mjs, node's own test
/// runner) run here so the README's one test command covers them too.
/// </summary>
public sealed class PlayerScriptTests
{
    [Fact]
    public async Task TheTimingUnitTestsPassUnderNode()
    {
        var testFolder = Path.Combine(RepositoryPaths.Root, "tests", "Stretching.Web.Tests", "Player");
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=tap", Path.Combine(testFolder, "timing.test.mjs")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, $"node --test failed:\n{await output}\n{await errors}");
        Assert.Contains("# pass", await output);
        Assert.Contains("# fail 0", await output);
    }
}
