using System.Security.Claims;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Infrastructure.Holes;

namespace RigDirectory.Web.Features.Directory.Schools;

/// <summary>The form a signed-in student writes to a RIG's starters with; its antiforgery token is the visitor's own.</summary>
public sealed record StartersForm(string Slug, StarterMessageInput Starters);

/// <summary>On a school whose RIG is being registered: the form for a signed-in visitor, the sign-in link (the default) for anyone else.</summary>
public sealed class StartersHole : IHole
{
    public const string Name = "starters";

    public Task<HoleView?> ViewAsync(HttpContext context, ClaimsPrincipal viewer, string argument, CancellationToken cancellationToken) =>
        Task.FromResult(viewer?.Identity?.IsAuthenticated == true
            ? new HoleView("/Features/Directory/Schools/_Starters.cshtml", new StartersForm(argument, new StarterMessageInput()))
            : null);
}
