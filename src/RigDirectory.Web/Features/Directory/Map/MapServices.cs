namespace RigDirectory.Web.Features.Directory;

public static class MapServices
{
    /// <summary>The offline map's shapes and projection, loaded once.</summary>
    public static IServiceCollection AddMap(this IServiceCollection services) =>
        services.AddSingleton(_ => new MapGeometry(MapGeometry.DefaultFolder));
}
