using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace RigDirectory.Web.Infrastructure.Forms;

/// <summary>
/// What a form says when a value cannot even be read (an empty number, a letter in a date), in place of the
/// framework's "The value '' is invalid.": what to do, in plain words.
/// </summary>
public static class PlainBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetValueMustNotBeNullAccessor(_ => "Fill in this field.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Fill in {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Fill in this field.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "The form arrived empty: fill it in and send it again.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"\"{value}\" is not a valid {field}: check it and try again.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"\"{value}\" is not valid here: check it and try again.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Check {field} and try again.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Check this value and try again.");
        messages.SetValueIsInvalidAccessor(value => $"\"{value}\" is not valid here: check it and try again.");
        messages.SetValueMustBeANumberAccessor(field => $"Enter {field} as a number.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number.");
    }
}
