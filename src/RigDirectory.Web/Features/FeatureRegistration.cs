using RigDirectory.Web.Features.Api;
using RigDirectory.Web.Features.Coverage;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Events;
using RigDirectory.Web.Features.Map;
using RigDirectory.Web.Features.Mentoring;
using RigDirectory.Web.Features.Resources;
using RigDirectory.Web.Features.Reviews;
using RigDirectory.Web.Features.Verification;
using RigDirectory.Web.Lifecycle;

namespace RigDirectory.Web.Features;

/// <summary>
/// Where the features plug in: each registers its own services (so that <c>Infrastructure</c> imports no
/// feature), and the benchmark baseline maps its endpoint.
/// </summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddAppFeatures(this IServiceCollection services, IHostEnvironment environment) => services
        .AddDirectory(environment)
        .AddMap()
        .AddAppLifecycle()
        .AddReviews()
        .AddMentoring()
        .AddEvents()
        .AddCoverage()
        .AddStewardship()
        .AddResources()
        .AddScoped<Funding.FundingQueries>()
        .AddApiDescription();

    public static WebApplication MapAppFeatures(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/api/openapi.json").AllowAnonymous();
        return app;
    }
}
