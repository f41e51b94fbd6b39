using System.Security.Claims;

namespace RigDirectory.Web.Infrastructure.Holes;

/// <summary>
/// Marks a request whose page is being rendered once for every signed-in visitor: the controller and views see
/// <see cref="Audience"/>, a signed-in user with no name, id or role, so nothing personal can reach the shared page;
/// the parts that are personal are holes (<see cref="HoleTagHelper"/>), filled per request for <see cref="Viewer"/>.
/// </summary>
public sealed class SharedRender(ClaimsPrincipal viewer)
{
    /// <summary>Authenticated (so the page shows what signing in reveals), but nobody in particular.</summary>
    public static ClaimsPrincipal Audience { get; } = new(new ClaimsIdentity(authenticationType: "SignedInAudience"));

    /// <summary>The visitor who asked: the holes are filled for them.</summary>
    public ClaimsPrincipal Viewer { get; } = viewer;

    public static bool IsActive(HttpContext context) => (context ?? throw new ArgumentNullException(nameof(context))).Features.Get<SharedRender>() is not null;
}

/// <summary>
/// An endpoint whose page is the same for every signed-in visitor but for its holes: its signed-in requests are
/// served from the output cache (kept once for all of them) with the holes filled in. Visitors in
/// <see cref="ExceptRoles"/> see more than the shared page shows (a leader's sponsor emails): their pages are
/// rendered whole.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SharedForSignedInAttribute : Attribute
{
    public string[] ExceptRoles { get; init; } = [];
}
