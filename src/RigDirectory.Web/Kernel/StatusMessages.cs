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

    /// <summary>What a conflict tells the user when the owner has no sentence of its own.</summary>
    public const string ChangedMeanwhile = "That changed while you were looking at it; here is how it stands now.";

    /// <summary>
    /// The one translation of a command's result for a post that goes back to a page: 404 or 403 when the thing is
    /// not there or not the user's; otherwise <paramref name="next"/>, carrying the command's message, the refusal's
    /// reason, the first field error, or for a conflict <paramref name="conflict"/> (the owner's sentence).
    /// </summary>
    public static IActionResult Back(this Controller controller, LifecycleResult result, IActionResult next, string conflict = ChangedMeanwhile)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome is Outcome.NotFound or Outcome.Forbidden)
        {
            return controller.Failure(result)!;
        }

        controller.TempData.SetStatus(result.Outcome == Outcome.Conflict ? conflict : result.Message ?? (result.Errors.Count > 0 ? result.Errors[0].Value : null));
        return next;
    }

    /// <summary>
    /// For a form shown again when the command did not succeed: 404 or 403, else null after putting the reason on the
    /// form: field errors with 400 (<see cref="Failure"/>), or a refusal's reason, or for a conflict
    /// <paramref name="conflict"/> (the owner's sentence), as the form's own error with 409.
    /// </summary>
    public static IActionResult? FormAgain(this Controller controller, LifecycleResult result, string conflict = ChangedMeanwhile)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (controller.Failure(result) is { } failure)
        {
            return failure;
        }

        if (result.Outcome is Outcome.Refused or Outcome.Conflict)
        {
            controller.ModelState.AddModelError(string.Empty, result.Message ?? conflict);
            controller.Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return null;
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
