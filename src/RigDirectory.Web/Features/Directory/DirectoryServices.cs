namespace RigDirectory.Web.Features.Directory;

public static class DirectoryServices
{
    /// <summary>The directory's output cache policy and tag, and the in-memory snapshot the list is searched in.</summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var missKey = environment.IsEnvironment(Data.Seed.BenchmarkDataGenerator.Environment) ? "nocache" : null;
        services.AddOutputCache(options => DirectoryCache.AddPolicy(options, missKey));
        services.AddSingleton<DirectoryCache>();
        services.AddSingleton<DirectorySnapshot>();
        return services;
    }
}
