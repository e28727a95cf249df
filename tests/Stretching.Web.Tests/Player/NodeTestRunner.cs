using System.Diagnostics;

namespace Stretching.Web.Tests.Player;

/// <summary>Runs a node:test file of a folder of this project (Player/ unless told) and fails with its output when any of its tests fails.</summary>
internal static class NodeTestRunner
{
    public static async Task RunAsync(string fileName, IReadOnlyDictionary<string, string>? environment = null, string folder = "Player")
    {
        var testFolder = Path.Combine(RepositoryPaths.Root, "tests", "Stretching.Web.Tests", folder);
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=tap", Path.Combine(testFolder, fileName)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, $"node --test {fileName} failed:\n{await output}\n{await errors}");
        Assert.Contains("# pass", await output);
        Assert.Contains("# fail 0", await output);
    }
}
