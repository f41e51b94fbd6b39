using Microsoft.AspNetCore.Identity;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>
/// Refuses passwords that are easy to guess (common passwords, keyboard walks, the user's own name or email,
/// the site's name) however long they are, with zxcvbn's estimate of how many guesses they would take. No
/// composition rules: a long phrase of ordinary words passes.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    /// <summary>zxcvbn's score: 3 is "safely unguessable" (about 10^8 guesses or more).</summary>
    public const int MinimumScore = 3;

    private static readonly string[] SiteWords = ["rigdirectory", "radiology", "interest", "group", "acr", "rig"];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var personal = new[] { user.Email, user.UserName, user.DisplayName }.Where(s => !string.IsNullOrEmpty(s))
            .SelectMany(s => s!.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)).Concat(SiteWords);
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, personal);
        if (result.Score >= MinimumScore)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = "PasswordTooGuessable",
            Description = $"This password is too easy to guess: it is common, or built from your name, your email or this site's name " +
                $"(a password-cracking tool would need {result.CrackTimeDisplay}). Try a longer phrase of words that do not belong together.",
        }));
    }
}
