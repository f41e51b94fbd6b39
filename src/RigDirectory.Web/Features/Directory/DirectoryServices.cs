namespace RigDirectory.Web.Features.Directory;

public static class DirectoryServices
{
    /// <summary>The directory's output cache policy and tag, and the in-memory snapshot the list is searched in.</summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddOutputCache(DirectoryCache.AddPolicy);
        services.AddSingleton<DirectoryCache>();
        services.AddSingleton<DirectorySnapshot>();
        return services;
    }
}
