namespace Stretching.Testing;

/// <summary>The repository's folders, found from the build output; linked into every test and measurement project.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stretching.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Stretching.sln not found above " + AppContext.BaseDirectory);
    }
}
