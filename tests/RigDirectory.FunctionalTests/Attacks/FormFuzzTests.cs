using System.Collections;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: a value no form would send (a yes/no field saying "maybe", a number past any type's range, 10,000
/// characters, control and bidi characters, no antiforgery token) reaches code that assumed better and answers 500.
/// Control: every form the app serves, found from its routes (each controller action and page handler that takes a
/// POST, with every field its parameters and bound properties bind), is posted each malformed way, signed in as a
/// user who holds every role and leads a RIG, and never answers 5xx: in Development, in Production over HTTPS, and in
/// Production over plain HTTP (which is redirected before any form is read).
/// </summary>
public abstract partial class FormFuzzTests(RigDirectoryFactory factory)
{
    /// <summary>What each malformed post puts in every field; null: every field "x", without the antiforgery token.</summary>
    public static readonly IReadOnlyList<(string Name, string? Value)> Malformations =
    [
        ("not a yes/no", "maybe"),
        ("overflowing number", "1e309"),
        ("overflowing integer", "99999999999999999999999999"),
        ("not a number", "NaN"),
        ("10,000 characters", new string('x', 10_000)),
        ("control and bidi characters", "a\u0000b\u0007c\u202Ed\u200Be\uFEFF\r\n\t"),
        ("no antiforgery token", null),
    ];

    protected abstract bool PlainHttp { get; }

    protected virtual HttpClient Client(string userId) => factory.CreateClientAs(userId, Roles.Student, Roles.RigLeader, Roles.Mentor, Roles.AcrAdmin);

    [Fact]
    public async Task EveryFormPostedWithMalformedValues_NeverAnswers5xx()
    {
        var (userId, rigId, rigSlug) = await LeaderOfARigAsync();
        var forms = await FormsAsync(rigId, rigSlug);
        Assert.True(forms.Count > 100, $"Only {forms.Count} forms were found from the routes.");
        Assert.Contains(forms, f => f.Url.StartsWith("/Identity/Account/Login", StringComparison.Ordinal) && f.Fields.Contains("Input.RememberMe"));
        Assert.Contains(forms, f => f.Url.StartsWith("/Identity/Account/Manage/Email?handler=ChangeEmail", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.Url == $"/my/rigs/{rigId}/events/new" && f.Fields.Contains("Input.Capacity"));
        using var client = Client(userId);
        var token = PlainHttp ? "" : await AntiforgeryTokenAsync(client);

        var failures = new List<string>();
        var answers = new Dictionary<HttpStatusCode, int>();
        foreach (var (url, fields) in forms)
        {
            foreach (var (name, value) in Malformations)
            {
                var body = fields.Select(f => new KeyValuePair<string, string>(f, value ?? "x")).ToList();
                if (value is not null)
                {
                    body.Add(new("__RequestVerificationToken", token));
                }

                using var content = new FormUrlEncodedContent(body);
                using var response = await client.PostAsync(url, content);
                answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{url} ({name}): {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        if (PlainHttp)
        {
            Assert.Equal([HttpStatusCode.PermanentRedirect], answers.Keys);
        }
        else
        {
            // The posts reached the forms: some were redrawn with their errors, some refused without a token.
            Assert.Contains(HttpStatusCode.BadRequest, answers.Keys);
            Assert.True(answers.Keys.Count > 3, string.Join(", ", answers.Select(a => $"{(int)a.Key}: {a.Value}")));
        }
    }

    /// <summary>A user with every role who leads an approved RIG, so that leaders' and admins' forms read their fields.</summary>
    protected async Task<(string UserId, int RigId, string RigSlug)> LeaderOfARigAsync()
    {
        var user = await factory.CreateUserAsync($"fuzz.{Guid.NewGuid():N}@example.org", "form fuzz password", emailConfirmed: true, Roles.Student, Roles.RigLeader, Roles.Mentor, Roles.AcrAdmin);
        var (rigId, rigSlug) = await factory.WithDbAsync(async db =>
        {
            var school = await TestRigs.FreeSchoolAsync(db);
            var rig = await TestRigs.MakeAsync(db, $"fuzz-{Guid.NewGuid():N}"[..20], "Form Fuzz RIG", school, RigStatus.Approved, r =>
                r.Officers.Add(new RigOfficer { UserId = user.Id, Position = "President", GraduationYear = 2028 }));
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return (rig.Id, rig.Slug);
        });
        return (user.Id, rigId, rigSlug);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/my/rigs");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>Every POST the app routes, with a URL to reach it and the names of the fields it binds.</summary>
    private async Task<List<(string Url, IReadOnlyList<string> Fields)>> FormsAsync(int rigId, string rigSlug)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = factory.Services.GetRequiredService<PageLoader>();
        var forms = new List<(string Url, IReadOnlyList<string> Fields)>();
        foreach (var endpoint in endpoints)
        {
            var url = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText?.TrimStart('/') ?? "", m => Value(m.Groups["name"].Value, m.Groups["constraint"].Value, rigId, rigSlug)).TrimEnd('/');
            var action = endpoint.Metadata.GetMetadata<ActionDescriptor>();
            if (action is ControllerActionDescriptor controller)
            {
                if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
                {
                    forms.Add((url, [.. controller.Parameters.SelectMany(Fields).Distinct()]));
                }
            }
            else if (action is PageActionDescriptor page)
            {
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                var bound = compiled.BoundProperties.SelectMany(Fields).ToList();
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)))
                {
                    forms.Add((handler.Name is null ? url : $"{url}?handler={handler.Name}", [.. bound.Concat(handler.Parameters.SelectMany(Fields)).Distinct()]));
                }
            }
            else if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
            {
                forms.Add((url, ["value"]));
            }
        }

        return [.. forms.DistinctBy(f => f.Url)];
    }

    [GeneratedRegex(@"\{\*?(?<name>[A-Za-z]+)(?::(?<constraint>[^}?=]+))?(?:=[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    private static string Value(string name, string constraint, int rigId, string rigSlug) =>
        constraint.StartsWith("int", StringComparison.Ordinal) || name.EndsWith("Id", StringComparison.Ordinal) && constraint.Length > 0 ? rigId.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : name is "slug" ? rigSlug
        : "fuzz";

    private static IEnumerable<string> Fields(ParameterDescriptor parameter)
    {
        var source = parameter.BindingInfo?.BindingSource;
        if (source == BindingSource.Services || source == BindingSource.Path || source == BindingSource.Header || source == BindingSource.Special || parameter.ParameterType == typeof(CancellationToken))
        {
            return [];
        }

        var prefix = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
        return Names(prefix, parameter.ParameterType, 0);
    }

    /// <summary>The field names a value of <paramref name="type"/> binds under <paramref name="prefix"/>: its own, or its properties', and the first item of a list.</summary>
    private static IEnumerable<string> Names(string prefix, Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(type))
        {
            return [prefix];
        }

        if (typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type) || depth > 3)
        {
            return [];
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            return IsSimple(Nullable.GetUnderlyingType(item) ?? item) ? [prefix, $"{prefix}[0]"] : Names($"{prefix}[0]", item, depth + 1);
        }

        return type.GetProperties().Where(p => p.CanWrite || typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string))
            .Where(p => p.GetIndexParameters().Length == 0)
            .SelectMany(p => Names($"{prefix}.{p.Name}", p.PropertyType, depth + 1));
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri);
}

public sealed class FormFuzzInDevelopmentTests(DevelopmentFactory factory) : FormFuzzTests(factory), IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentFactory _factory = factory;

    protected override bool PlainHttp => false;

    [Fact]
    public async Task IdentityPagesThatNeedAnEarlierStep_WithoutIt_SendThePersonBack_NeverA500()
    {
        var (userId, _, _) = await LeaderOfARigAsync();
        using var anonymous = _factory.CreateNonRedirectingClient();
        using var signedIn = Client(userId);
        var login = await anonymous.GetDocumentAsync("/Identity/Account/Login");
        var token = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var secondStep = await anonymous.PostAsync("/Identity/Account/LoginWith2fa", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.TwoFactorCode"] = "123456", ["__RequestVerificationToken"] = token }));
        using var recovery = await anonymous.GetAsync("/Identity/Account/LoginWithRecoveryCode");
        using var codes = await signedIn.GetAsync("/Identity/Account/Manage/GenerateRecoveryCodes");
        using var external = await anonymous.GetAsync("/Identity/Account/ExternalLogin");
        using var disable = await signedIn.GetAsync("/Identity/Account/Manage/Disable2fa");
        using var emailChange = await anonymous.GetAsync("/Identity/Account/ConfirmEmailChange");
        using var emailChangeWithoutCode = await anonymous.GetAsync($"/Identity/Account/ConfirmEmailChange?userId={userId}&email=new%40example.org");
        using var resetWithoutCode = await anonymous.GetAsync("/Identity/Account/ResetPassword");

        Assert.Equal("/Identity/Account/Login", secondStep.Headers.Location?.OriginalString);
        Assert.Equal("/Identity/Account/Login", recovery.Headers.Location?.OriginalString);
        Assert.Equal("/Identity/Account/Manage/TwoFactorAuthentication", codes.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, external.StatusCode);
        Assert.Equal("/Identity/Account/Manage/TwoFactorAuthentication", disable.Headers.Location?.OriginalString);
        Assert.Equal("/", emailChange.Headers.Location?.OriginalString);
        Assert.Equal("/", emailChangeWithoutCode.Headers.Location?.OriginalString);
        Assert.Equal("/Identity/Account/ForgotPassword", resetWithoutCode.Headers.Location?.OriginalString);
    }
}

public sealed class FormFuzzInProductionTests(ProductionFactory factory) : FormFuzzTests(factory), IClassFixture<ProductionFactory>
{
    private readonly ProductionFactory _factory = factory;

    protected override bool PlainHttp => false;

    protected override HttpClient Client(string userId)
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"https://{ProductionFactory.Host}") });
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, userId);
        client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, string.Join(',', Roles.Student, Roles.RigLeader, Roles.Mentor, Roles.AcrAdmin));
        return client;
    }
}

public sealed class FormFuzzInProductionOverPlainHttpTests(ProductionFactory factory) : FormFuzzTests(factory), IClassFixture<ProductionFactory>
{
    private readonly ProductionFactory _factory = factory;

    protected override bool PlainHttp => true;

    protected override HttpClient Client(string userId)
    {
        var client = _factory.CreatePlainHttpClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, userId);
        return client;
    }
}
