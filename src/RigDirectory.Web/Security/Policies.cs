using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace RigDirectory.Web.Security;

/// <summary>Named policies; controllers ask for a policy, never for a role string.</summary>
public static class Policies
{
    /// <summary>ACR staff and curators, signed in with a second factor: the admin console, the review desk, exports.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Officers of at least one RIG, and admins signed in with their second factor.</summary>
    public const string LeadRig = nameof(LeadRig);

    /// <summary>
    /// An ACR staff account, whether or not this session has its second factor yet: only to send it where its work
    /// is (the console, which then asks for the factor), never to let it see or do anything.
    /// </summary>
    public const string StaffAccount = nameof(StaffAccount);

    /// <summary>Resource-based: the user leads this particular RIG (or started its registration).</summary>
    public const string EditRig = nameof(EditRig);

    public static IServiceCollection AddAppAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Administer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.AcrAdmin).AddRequirements(new TwoFactorSessionRequirement()))
            .AddPolicy(LeadRig, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.IsInRole(Roles.RigLeader) || (context.User.IsInRole(Roles.AcrAdmin) && TwoFactorSessionRequirement.IsMet(context.User))))
            .AddPolicy(StaffAccount, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.AcrAdmin))
            .AddPolicy(EditRig, policy => policy.RequireAuthenticatedUser().AddRequirements(new RigLeaderRequirement()))
            // Anything new is private until it opts out with [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationHandler, RigLeaderHandler>();
        services.AddSingleton<IAuthorizationHandler, TwoFactorSessionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AdminTwoFactorResultHandler>();
        return services;
    }

    /// <summary>Whether <paramref name="user"/> meets <paramref name="policy"/>: for decisions inside a request, so they take the same door as the pages.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string policy)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
