using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// Feature folders: a controller's views sit beside it, in the folder its namespace names
/// (<c>RigDirectory.Web.Features.Mentoring.MentorReviews</c> looks in <c>/Features/Mentoring/MentorReviews/</c>),
/// then in its capability's folder, then in <c>/Features/Shared/</c>.
/// </summary>
public sealed class FeatureFolders : IViewLocationExpander
{
    private const string Key = "feature";
    private const string Prefix = "RigDirectory.Web.Features.";

    public static void AddTo(RazorViewEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ViewLocationExpanders.Add(new FeatureFolders());
        options.ViewLocationFormats.Insert(0, "/Features/Shared/{0}.cshtml");
    }

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor { ControllerTypeInfo.Namespace: { } ns } && ns.StartsWith(Prefix, StringComparison.Ordinal))
        {
            context.Values[Key] = ns[Prefix.Length..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Values.TryGetValue(Key, out var folder) || folder is null)
        {
            return viewLocations;
        }

        var capability = folder.Split('/')[0];
        string[] own = capability == folder
            ? [$"/Features/{folder}/{{0}}.cshtml"]
            : [$"/Features/{folder}/{{0}}.cshtml", $"/Features/{capability}/{{0}}.cshtml"];
        return [.. own, .. viewLocations];
    }
}
