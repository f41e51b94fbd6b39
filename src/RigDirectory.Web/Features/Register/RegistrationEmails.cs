using System.Text.Encodings.Web;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Register;

/// <summary>The emails that ask people into a RIG: a sponsor's confirmation and a co-leader's invitation.</summary>
public sealed class RegistrationEmails(PublicUrls urls)
{
    public const int InvitationDays = 14;
    public const int SponsorConfirmationDays = 30;

    public (string Subject, string Html) SponsorRequest(string inviter, Rig rig, string token)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var link = urls.Action("Confirm", "Sponsor", new { token });
        return ($"Please confirm you sponsor {rig.Name}",
            $"<p>{Encode(inviter)} has named you as the faculty sponsor of <strong>{Encode(rig.Name)}</strong> at {Encode(rig.School!.DisplayName)}, a radiology interest group registering with the ACR Medical Student Section.</p>" +
            $"<p>If that is right, please confirm it within {SponsorConfirmationDays} days:</p><p><a href=\"{Encode(link)}\">Confirm I sponsor this RIG</a></p>" +
            "<p>If you did not agree to sponsor it, ignore this email.</p>");
    }

    public (string Subject, string Html) Invitation(string inviter, Rig rig, string position, string token)
    {
        ArgumentNullException.ThrowIfNull(rig);
        var link = urls.Action("Accept", "Invitation", new { token });
        return ($"Join {rig.Name} as {position}",
            $"<p>{Encode(inviter)} invites you to lead <strong>{Encode(rig.Name)}</strong> at {Encode(rig.School!.DisplayName)} as {Encode(position)}.</p>" +
            $"<p>Accept within {InvitationDays} days (you will be asked to sign in or create an account):</p><p><a href=\"{Encode(link)}\">Accept the invitation</a></p>");
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
