using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace RigDirectory.Web.Infrastructure.Forms;

/// <summary>
/// A yes/no field posted with anything but true or false ("maybe", "1e309") is a validation error, and the form is
/// redrawn with the box unticked. The framework's binder keeps the raw text, and a checkbox redrawn from it throws
/// (a 500 on the sign-in page for <c>Input.RememberMe=maybe</c>).
/// A checkbox followed by a hidden "false" (so that unticking is sent) is ticked when any of its values is "true":
/// not only the first, as the output cache sorts a query key's values in place to build its key, so a ticked box
/// reaches a cached page's action as "false,true".
/// </summary>
public sealed class BooleanModelBinder(IModelBinder inner) : IModelBinder
{
    public const string Message = "Choose yes or no.";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        var value = posted.FirstValue;
        if (posted.Length > 1 && posted.All(v => bool.TryParse(v, out _)))
        {
            var ticked = posted.Any(v => bool.Parse(v!));
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
            bindingContext.Result = ModelBindingResult.Success(ticked);
            return Task.CompletedTask;
        }

        if (posted == ValueProviderResult.None || string.IsNullOrWhiteSpace(value) || bool.TryParse(value, out _))
        {
            return inner.BindModelAsync(bindingContext);
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: bool.FalseString, attemptedValue: bool.FalseString);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

/// <summary>Puts <see cref="BooleanModelBinder"/> in front of the framework's binder for <c>bool</c> and <c>bool?</c>.</summary>
public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool)
            ? new BooleanModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }
}
