namespace RigDirectory.Web.Features.Directory.Api;

public static class ApiServices
{
    /// <summary>The OpenAPI description of the open-data API (<c>/api/…</c> only), from ASP.NET Core's built-in support.</summary>
    public static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "RigDirectory open data";
                document.Info.Description = "The public fields of the directory of radiology interest groups (RIGs) at US and Canadian medical schools.";
                return Task.CompletedTask;
            });
        });
}
