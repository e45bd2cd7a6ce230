using FluentValidation;

namespace CaseManager.Web.Errors;

/// <summary>Turns validation failures into field → messages, with the field names partner systems send (camelCase).</summary>
public static class ValidationErrors
{
    public static Dictionary<string, string[]> ToApiErrors(ValidationException exception) =>
        exception.Errors
            .GroupBy(e => CamelCasePath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    public static string CamelCasePath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
