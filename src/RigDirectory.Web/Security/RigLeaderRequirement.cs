using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>A leader edits only their own RIG: its current officers and the user who started its registration.</summary>
public sealed class RigLeaderRequirement : IAuthorizationRequirement;

public sealed class RigLeaderHandler : AuthorizationHandler<RigLeaderRequirement, Rig>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RigLeaderRequirement requirement, Rig resource)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && resource.IsLedBy(userId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
