using RigDirectory.Web.Infrastructure;

// `backup <file>`: a copy of the embedded database, taken while the app serves; then exit.
if (BackupCommand.TryRun(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

await AppHost.RunAsync(AppHost.Build(WebApplication.CreateBuilder(args)));
return 0;

/// <summary>The entry point, visible to the test hosts.</summary>
public partial class Program;
