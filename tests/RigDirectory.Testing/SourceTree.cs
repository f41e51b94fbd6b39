namespace RigDirectory.Testing;

/// <summary>The checkout the tests run from: the folder that holds <c>RigDirectory.sln</c>.</summary>
public static class SourceTree
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RigDirectory.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RigDirectory.sln not found above the test's folder.");
    }
}
