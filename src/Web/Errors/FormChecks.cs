using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CaseManager.Web.Errors;

/// <summary>
/// Runs a command's validator before the page sends it, so that every error on a form is listed at once: those the
/// page found parsing its fields (a date that is not a real date) and those of the command (a missing type, a value
/// for a question that does not apply). A field that already has an error keeps only its first.
/// </summary>
public static class FormChecks
{
    /// <summary>Adds the command's validation failures to the form; <paramref name="fieldOf"/> names the page field of a command property when it is not <c>Input.</c> and the same name.</summary>
    public static async Task AddFailuresAsync<T>(
        IValidator<T> validator, T command, ModelStateDictionary modelState, CancellationToken cancellationToken, Func<string, string?>? fieldOf = null)
    {
        var result = await validator.ValidateAsync(command, cancellationToken);
        foreach (var failure in result.Errors)
        {
            var field = fieldOf?.Invoke(failure.PropertyName) ?? PageExceptionFilter.PageField(failure.PropertyName);
            if (!modelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0)
            {
                modelState.AddModelError(field, failure.ErrorMessage);
            }
        }
    }
}
