using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Kernel;

/// <summary>The one-off message the layout shows after a redirect ("Your changes are live.").</summary>
public static class StatusMessages
{
    private const string Key = "StatusMessage";

    public static void SetStatus(this ITempDataDictionary tempData, string? message)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        if (!string.IsNullOrEmpty(message))
        {
            tempData[Key] = message;
        }
    }

    public static string? Status(this ITempDataDictionary tempData) => tempData?[Key] as string;

    /// <summary>Redirects after a success, carrying the command's message to the next page.</summary>
    public static IActionResult Done(this Controller controller, LifecycleResult result, IActionResult next)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        controller.TempData.SetStatus(result.Message);
        return next;
    }

    /// <summary>
    /// The answer every controller gives the same way: 404, 403, or (for a form to correct) the errors added to the
    /// model state and a 400 status; null when the controller decides (success, refusal, conflict).
    /// </summary>
    public static IActionResult? Failure(this Controller controller, LifecycleResult result)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case Outcome.NotFound:
                return controller.NotFound();
            case Outcome.Forbidden:
                return controller.Forbid();
            case Outcome.Invalid:
                foreach (var (key, error) in result.Errors)
                {
                    controller.ModelState.AddModelError(key, error);
                }

                controller.Response.StatusCode = StatusCodes.Status400BadRequest;
                return null;
            default:
                return null;
        }
    }
}
