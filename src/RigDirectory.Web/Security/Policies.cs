using Microsoft.AspNetCore.Authorization;

namespace RigDirectory.Web.Security;

/// <summary>Named policies; controllers ask for a policy, never for a role string.</summary>
public static class Policies
{
    /// <summary>ACR staff and curators, signed in with a second factor: the admin console, the review desk, exports.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Officers of at least one RIG.</summary>
    public const string LeadRig = nameof(LeadRig);

    /// <summary>Resource-based: the user leads this particular RIG (or started its registration).</summary>
    public const string EditRig = nameof(EditRig);

    public static IServiceCollection AddAppAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Administer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.AcrAdmin).AddRequirements(new TwoFactorSessionRequirement()))
            .AddPolicy(LeadRig, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.RigLeader, Roles.AcrAdmin))
            .AddPolicy(EditRig, policy => policy.RequireAuthenticatedUser().AddRequirements(new RigLeaderRequirement()))
            // Anything new is private until it opts out with [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationHandler, RigLeaderHandler>();
        services.AddSingleton<IAuthorizationHandler, TwoFactorSessionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AdminTwoFactorResultHandler>();
        return services;
    }
}
