using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class AuditChangesTests
{
    [Fact]
    public void EveryEntry_HasOneShape_FieldToBeforeAndAfter()
    {
        var changes = new AuditChanges().With("Name", "Old RIG", "New RIG").With("Sponsor", null, "Dr. A <a@x.example>");

        Assert.Equal("""{"Name":{"before":"Old RIG","after":"New RIG"},"Sponsor":{"before":null,"after":"Dr. A \u003Ca@x.example\u003E"}}""", changes.Serialize());
        Assert.Equal(changes, AuditChanges.Parse(changes.Serialize()));
    }

    [Fact]
    public void UnchangedFields_AreLeftOut_AndNothingChanged_IsNull()
    {
        var changes = new AuditChanges().With("Name", "Same", "Same");

        Assert.Empty(changes);
        Assert.Null(changes.Serialize());
        Assert.Empty(AuditChanges.Parse(null));
    }

    [Fact]
    public void ReadsAsAHistoryLine()
    {
        var changes = new AuditChanges().With("Name", "A", "B").With("Sponsor", null, "Dr. C").With("Contact", "Dr. D", null);

        Assert.Equal("Name: A → B; Sponsor: + Dr. C; Contact: − Dr. D", changes.ToString());
    }

    [Theory]
    [InlineData(AuditAction.ChangesRequested, "Changes requested")]
    [InlineData(AuditAction.Approved, "Approved")]
    [InlineData(AuditAction.RegionalContactAdded, "Regional contact added")]
    public void Actions_ReadAsWords(AuditAction action, string words)
    {
        Assert.Equal(words, action.DisplayName());
    }

    [Theory]
    [InlineData("HowToGetInvolved", "How to get involved")]
    [InlineData("MeetingCadence", "Meeting cadence")]
    [InlineData("XUrl", "X (Twitter)")]
    [InlineData("FoundedYear", "Year founded")]
    [InlineData("Website", "Website")]
    [InlineData("Join link", "Join link")]
    public void AField_ReadsInWords(string field, string label) => Assert.Equal(label, AuditChanges.Label(field));
}
