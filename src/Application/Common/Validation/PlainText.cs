using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;

namespace CaseManager.Application.Common.Validation;

/// <summary>Marks the rule that keeps control and invisible formatting characters out of free text (the architecture test looks for it).</summary>
public interface IPlainTextValidator
{
    bool Multiline { get; }
}

/// <summary>
/// Refuses NUL and the other C0/C1 controls, bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
/// every other invisible format character (zero-width space, BOM, soft hyphen...), and line/paragraph separators.
/// A multi-line field (notes, addresses) also takes tabs and newlines (\n or \r\n).
/// </summary>
public sealed class PlainTextValidator<T>(bool multiline) : PropertyValidator<T, string?>, IPlainTextValidator
{
    public bool Multiline { get; } = multiline;

    public override string Name => "PlainTextValidator";

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || PlainTextRules.IsPlain(value, Multiline);

    protected override string GetDefaultMessageTemplate(string errorCode) => Multiline
        ? "{PropertyName} must not contain control or invisible formatting characters (only tabs and new lines are allowed)"
        : "{PropertyName} must not contain control or invisible formatting characters, tabs or new lines";
}

public static class PlainTextRules
{
    public static bool IsPlain(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var allowed = c switch
            {
                '\t' or '\n' => multiline,
                '\r' => multiline && i + 1 < value.Length && value[i + 1] == '\n',
                _ => !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not
                    (UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator),
            };
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }


    /// <summary>A single-line identity or free-text field: names, codes, identifiers, reasons of one line.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new PlainTextValidator<T>(multiline: false));

    /// <summary>A notes-like field that may hold tabs and new lines (notes, summaries, addresses, justifications).</summary>
    public static IRuleBuilderOptions<T, string?> MultilineText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new PlainTextValidator<T>(multiline: true));
}
