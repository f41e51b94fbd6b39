using RigDirectory.Web.Features.Benchmark;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Map;
using RigDirectory.Web.Lifecycle;

namespace RigDirectory.Web.Features;

/// <summary>
/// The features' own services and endpoints, so that <c>Infrastructure</c> imports no feature: the directory's
/// cache and snapshot, the map, the lifecycle owners the write-side features share, and the benchmark baseline.
/// </summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddAppFeatures(this IServiceCollection services)
    {
        services.AddOutputCache(DirectoryCache.AddPolicy);
        services.AddSingleton<DirectoryCache>();
        services.AddSingleton<DirectorySnapshot>();
        services.AddSingleton(_ => new MapGeometry(MapGeometry.DefaultFolder));
        services.AddScoped<LedRigs>();
        services.AddScoped<RigUnitOfWork>();
        services.AddScoped<RigDrafts>();
        services.AddScoped<RigLifecycle>();
        services.AddScoped<RigPeople>();
        services.AddScoped<Reviews.ReviewQueries>();
        return services;
    }

    public static WebApplication MapAppFeatures(this WebApplication app)
    {
        app.MapBenchmarkBaseline();
        return app;
    }
}
