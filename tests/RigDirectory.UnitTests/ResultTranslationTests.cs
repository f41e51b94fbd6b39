using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using RigDirectory.Web.Kernel;

namespace RigDirectory.UnitTests;

/// <summary>
/// The kernel's one translation of a command's result to HTTP: after a redirect (<c>Back</c>) and on a form shown
/// again (<c>FormAgain</c>). Every controller relies on these, so each outcome is pinned here once.
/// </summary>
public sealed class ResultTranslationTests
{
    private const string Conflict = "Someone changed it at the same moment.";

    [Fact]
    public void Back_CarriesTheMessage_TheRefusal_TheFirstError_OrTheOwnersConflictSentence()
    {
        Assert.Equal("Saved.", StatusAfterBack(LifecycleResult.Ok("Saved.")));
        Assert.Equal("Not now.", StatusAfterBack(LifecycleResult.Refused("Not now.")));
        Assert.Equal("Write a note.", StatusAfterBack(LifecycleResult.Invalid("Note", "Write a note.")));
        Assert.Equal(Conflict, StatusAfterBack(LifecycleResult.Conflict));
    }

    [Fact]
    public void Back_AnswersNotFoundAndForbiddenItself()
    {
        var controller = NewController();
        var next = new RedirectResult("/next");

        Assert.IsType<NotFoundResult>(controller.Back(LifecycleResult.NotFound, next, Conflict));
        Assert.IsType<ForbidResult>(controller.Back(LifecycleResult.Forbidden, next, Conflict));
    }

    [Fact]
    public void FormAgain_PutsFieldErrorsOnTheForm_With400()
    {
        var controller = NewController();

        Assert.Null(controller.FormAgain(LifecycleResult.Invalid("Input.Title", "Give it a title."), Conflict));
        Assert.Equal(StatusCodes.Status400BadRequest, controller.Response.StatusCode);
        Assert.Equal("Give it a title.", Assert.Single(controller.ModelState["Input.Title"]!.Errors).ErrorMessage);
    }

    [Theory]
    [InlineData(true, Conflict)]
    [InlineData(false, "The event is cancelled.")]
    public void FormAgain_PutsARefusalOrAConflictAtTheTopOfTheForm_With409(bool conflict, string expected)
    {
        var controller = NewController();

        Assert.Null(controller.FormAgain(conflict ? LifecycleResult.Conflict : LifecycleResult.Refused("The event is cancelled."), Conflict));
        Assert.Equal(StatusCodes.Status409Conflict, controller.Response.StatusCode);
        Assert.Equal(expected, Assert.Single(controller.ModelState[string.Empty]!.Errors).ErrorMessage);
    }

    [Fact]
    public void FormAgain_AnswersNotFoundAndForbiddenItself()
    {
        Assert.IsType<NotFoundResult>(NewController().FormAgain(LifecycleResult.NotFound));
        Assert.IsType<ForbidResult>(NewController().FormAgain(LifecycleResult.Forbidden));
    }

    private static string? StatusAfterBack(LifecycleResult result)
    {
        var controller = NewController();
        var next = new RedirectResult("/next");

        Assert.Same(next, controller.Back(result, next, Conflict));
        return controller.TempData.Status();
    }

    private static AnyController NewController()
    {
        var http = new DefaultHttpContext();
        return new AnyController
        {
            ControllerContext = new ControllerContext { HttpContext = http },
            TempData = new TempDataDictionary(http, new NoTempDataStore()),
        };
    }

    private sealed class AnyController : Controller;

    private sealed class NoTempDataStore : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }
}
