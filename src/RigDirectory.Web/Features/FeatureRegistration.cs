using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Features.Directory.Api;
using RigDirectory.Web.Features.Events;
using RigDirectory.Web.Features.Mentoring;
using RigDirectory.Web.Features.Registration.Reviews;
using RigDirectory.Web.Features.Resources;
using RigDirectory.Web.Features.Stewardship.Coverage;
using RigDirectory.Web.Features.Stewardship.Verification;

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
        .AddOwners()
        .AddReviews()
        .AddScoped<Administration.Users.UserQueries>()
        .AddMentoring()
        .AddEvents()
        .AddCoverage()
        .AddStewardship()
        .AddResources()
        .AddScoped<FundingAndAwards.Funding.FundingQueries>()
        .AddApiDescription();

    /// <summary>The owners of the write side, one or more per capability, and the save step they share.</summary>
    private static IServiceCollection AddOwners(this IServiceCollection services) => services
        .AddScoped<Kernel.SaveStep>()
        // Order matters for the security log's line: seats, then mentee places.
        .AddScoped<Kernel.IAccountErasure, Events.EventSeatsErasure>()
        .AddScoped<Kernel.IAccountErasure, Mentoring.MentoringErasure>()
        .AddScoped<Directory.RigInterests>()
        .AddScoped<Registration.LedRigs>()
        .AddScoped<Registration.RigDrafts>()
        .AddScoped<Registration.RigLifecycle>()
        .AddScoped<Registration.RigPeople>()
        .AddScoped<Registration.RigClaims>()
        .AddScoped<Mentoring.MentorLifecycle>()
        .AddScoped<Mentoring.MentorshipLifecycle>()
        .AddScoped<Stewardship.RigStewardship>()
        .AddScoped<Administration.AuditReverts>()
        .AddScoped<Administration.UserAdministration>()
        .AddScoped<Administration.SchoolCuration>()
        .AddScoped<Administration.RegionCuration>()
        .AddScoped<Resources.ResourceLibrary>()
        .AddScoped<FundingAndAwards.FundingCalls>()
        .AddScoped<FundingAndAwards.FundingApplications>()
        .AddScoped<FundingAndAwards.Recognition>();

    public static WebApplication MapAppFeatures(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/api/openapi.json").AllowAnonymous();
        return app;
    }
}
