using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Lifecycle;

public static class LifecycleServices
{
    /// <summary>The owners of the write side and what they share.</summary>
    public static IServiceCollection AddAppLifecycle(this IServiceCollection services) => services
        .AddScoped<LedRigs>()
        .AddScoped<Kernel.SaveStep>()
        .AddScoped<RigDrafts>()
        .AddScoped<RigLifecycle>()
        .AddScoped<RigPeople>()
        .AddScoped<RigInterests>()
        .AddScoped<MentorLifecycle>()
        .AddScoped<MentorshipLifecycle>()
        .AddScoped<RigStewardship>()
        .AddScoped<RigClaims>()
        .AddScoped<AuditReverts>()
        .AddScoped<UserAdministration>()
        .AddScoped<SchoolCuration>()
        .AddScoped<RegionCuration>()
        .AddScoped<ResourceLibrary>()
        .AddScoped<FundingCalls>()
        .AddScoped<FundingApplications>()
        .AddScoped<Recognition>();
}
