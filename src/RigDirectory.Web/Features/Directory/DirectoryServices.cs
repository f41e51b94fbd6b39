using Microsoft.AspNetCore.OutputCaching;
using RigDirectory.Web.Infrastructure.Holes;

namespace RigDirectory.Web.Features.Directory;

public static class DirectoryServices
{
    /// <summary>
    /// <c>OutputCache:SizeLimitMegabytes</c>: the memory cached pages may take; past it the least used entries go
    /// first. 16 MB is some two thousand compressed pages. At 4,000 RIGs under the benchmark's cache misses the
    /// framework's 100 MB default cost ~100 MB of RSS (348 against 247 MB peak) for no more hits that mattered.
    /// </summary>
    public const string SizeLimitKey = "OutputCache:SizeLimitMegabytes";

    public const int DefaultSizeLimitMegabytes = 16;

    /// <summary>The directory's output cache policy and tag, and the in-memory snapshot the list is searched in.</summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var missKey = environment.IsEnvironment(Data.Seed.BenchmarkDataGenerator.Environment) ? "nocache" : null;
        services.AddOutputCache(options => DirectoryCache.AddPolicy(options, missKey));
        services.AddOptions<OutputCacheOptions>().Configure<IConfiguration>((options, configuration) =>
            options.SizeLimit = configuration.GetValue(SizeLimitKey, DefaultSizeLimitMegabytes) * 1024L * 1024L);
        services.AddSingleton<DirectoryCache>();
        services.AddHole<Rigs.InterestHole>(Rigs.InterestHole.Name);
        services.AddSingleton<Rigs.InterestViewers>();
        services.AddScoped<Kernel.IChangeListener, Rigs.InterestViewersListener>();
        services.AddHole<Rigs.NominateHole>(Rigs.NominateHole.Name);
        services.AddHole<Schools.StartersHole>(Schools.StartersHole.Name);
        services.AddScoped<Kernel.IChangeListener, DirectoryChangeListener>();
        services.AddSingleton<DirectorySnapshot>();
        services.AddSingleton<SchoolFinder>();
        return services;
    }
}
