using Microsoft.AspNetCore.Mvc;

namespace RigDirectory.Web.Features.Registration;

/// <summary>
/// Where a leader lands after acting on a RIG, named once: the features that send leaders there (registration,
/// invitations, editing) need not know each other's controllers.
/// </summary>
public static class LeaderPages
{
    public const string MyRigsController = "MyRigs";
    public const string RegisterController = "Register";

    /// <summary>The RIGs the user leads, with where each stands.</summary>
    public static RedirectToActionResult ToMyRigs(this ControllerBase controller) =>
        (controller ?? throw new ArgumentNullException(nameof(controller))).RedirectToAction("Index", MyRigsController);

    /// <summary>A registration, resumed at the furthest step its leaders reached.</summary>
    public static RedirectToActionResult ToRegistration(this ControllerBase controller, int id) =>
        (controller ?? throw new ArgumentNullException(nameof(controller))).RedirectToAction("Resume", RegisterController, new { id });
}
