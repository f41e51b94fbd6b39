using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Auditing;

namespace RigDirectory.Web.Kernel;

/// <summary>Who acts in a request: found one way, from its signed-in user, and passed into each command that needs it.</summary>
public static class Acting
{
    public static Actor Actor(this ControllerBase controller) => Auditing.Actor.From((controller ?? throw new ArgumentNullException(nameof(controller))).User);
}
