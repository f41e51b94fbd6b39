using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace RigDirectory.Web.Infrastructure.Holes;

/// <summary>
/// <c>&lt;hole name="interest" argument="@Model.Slug"&gt;default&lt;/hole&gt;</c>: a personal part of a page. Rendered
/// for one visitor, it is the hole's partial for them (or the default); in a page shared by every signed-in
/// visitor, it is a marker around the default that <see cref="HoleRenderer.SpliceAsync"/> fills per request.
/// </summary>
[HtmlTargetElement("hole")]
public sealed class HoleTagHelper(IHtmlHelper html) : TagHelper
{
    public string Name { get; set; } = "";

    public string Argument { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!HoleRenderer.IsSafe(Name) || !HoleRenderer.IsSafe(Argument))
        {
            throw new InvalidOperationException($"A hole's name and argument are letters, digits and dashes: {Name}:{Argument}.");
        }

        output.TagName = null;
        var http = ViewContext.HttpContext;
        if (SharedRender.IsActive(http))
        {
            output.PreContent.SetHtmlContent(HoleRenderer.OpenMarker(Name, Argument));
            output.PostContent.SetHtmlContent(HoleRenderer.CloseMarker);
            return;
        }

        // Rendered within the page, so a form in the hole keeps the page's validation messages.
        if (await HoleRenderer.ViewAsync(http, Name, Argument) is { } view)
        {
            ((IViewContextAware)html).Contextualize(ViewContext);
            var content = await html.PartialAsync(view.Partial, view.Model);
            if (view.Fills.Count == 0)
            {
                output.Content.SetHtmlContent(content);
                return;
            }

            await using var writer = new StringWriter();
            content.WriteTo(writer, HtmlEncoder.Default);
            output.Content.SetHtmlContent(view.Fill(writer.ToString()));
        }
    }
}
