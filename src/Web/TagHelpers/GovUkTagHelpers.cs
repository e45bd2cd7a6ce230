using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CaseManager.Web.TagHelpers;

/// <summary>
/// GOV.UK Design System form components as tag helpers, so that every form renders the same markup: label,
/// hint, error message and error state come from the bound property and ModelState, never from copied HTML.
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string? Hint { get; set; }

    protected string Name => For.Name;

    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "_");

    protected IReadOnlyList<string> Errors =>
        ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).ToList()
            : [];

    protected static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    protected string HintHtml() =>
        Hint is null ? string.Empty : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>";

    protected string ErrorHtml() =>
        Errors.Count == 0
            ? string.Empty
            : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(Errors[0])}</p>";

    protected string DescribedBy()
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add($"{Id}-hint");
        }

        if (Errors.Count > 0)
        {
            ids.Add($"{Id}-error");
        }

        return ids.Count == 0 ? string.Empty : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string FormGroupClass(string extra = "") =>
        "govuk-form-group" + (Errors.Count > 0 ? " govuk-form-group--error" : string.Empty) + extra;

    /// <summary>The value to show: what the user posted (kept after an error), else the model's value.</summary>
    protected string? CurrentValue() =>
        ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model?.ToString();
}

/// <summary>&lt;govuk-input for="Input.GivenName" label="Given name" /&gt;: a GOV.UK text input.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public bool LabelIsPageHeading { get; set; }

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>A GOV.UK width class suffix such as "20", "10" or "one-half".</summary>
    public string? Width { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", FormGroupClass());
        var widthClass = Width is null ? string.Empty : Width.Contains('-', StringComparison.Ordinal) ? $" govuk-!-width-{Width}" : $" govuk-input--width-{Width}";
        var errorClass = Errors.Count > 0 ? " govuk-input--error" : string.Empty;
        var value = Type == "password" ? string.Empty : CurrentValue();
        var autocomplete = Autocomplete is null ? string.Empty : $" autocomplete=\"{Encode(Autocomplete)}\"";
        var spellcheck = Spellcheck ? string.Empty : " spellcheck=\"false\"";
        var label = $"<label class=\"govuk-label{(LabelIsPageHeading ? " govuk-label--l" : string.Empty)}\" for=\"{Id}\">{Encode(Label)}</label>";
        if (LabelIsPageHeading)
        {
            label = $"<h1 class=\"govuk-label-wrapper\">{label}</h1>";
        }

        output.Content.SetHtmlContent(
            label + HintHtml() + ErrorHtml() +
            $"<input class=\"govuk-input{widthClass}{errorClass}\" id=\"{Id}\" name=\"{Name}\" type=\"{Encode(Type)}\" value=\"{Encode(value)}\"{autocomplete}{spellcheck}{DescribedBy()}>");
    }
}

/// <summary>&lt;govuk-textarea for="Input.Address" label="Address" /&gt;.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public int Rows { get; set; } = 4;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", FormGroupClass());
        var errorClass = Errors.Count > 0 ? " govuk-textarea--error" : string.Empty;
        output.Content.SetHtmlContent(
            $"<label class=\"govuk-label\" for=\"{Id}\">{Encode(Label)}</label>" + HintHtml() + ErrorHtml() +
            $"<textarea class=\"govuk-textarea{errorClass}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"{DescribedBy()}>{Encode(CurrentValue())}</textarea>");
    }
}

/// <summary>&lt;govuk-date-input for="Input.DateOfBirth" legend="Date of birth" /&gt; bound to a <see cref="DateParts"/>.</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateInputTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public bool Birthday { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", FormGroupClass());
        var model = For.Model as DateParts ?? new DateParts();
        var errorClass = Errors.Count > 0 ? " govuk-input--error" : string.Empty;
        string Part(string part, string label, string? value, string width, string autocomplete) =>
            "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
            $"<label class=\"govuk-label govuk-date-input__label\" for=\"{Id}_{part}\">{label}</label>" +
            $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{errorClass}\" id=\"{Id}_{part}\" name=\"{Name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{Encode(Attempted(part) ?? value)}\"{(Birthday ? $" autocomplete=\"{autocomplete}\"" : string.Empty)}>" +
            "</div></div>";

        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy()}>" +
            $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Legend)}</legend>" +
            HintHtml() + ErrorHtml() +
            $"<div class=\"govuk-date-input\" id=\"{Id}\">" +
            Part(nameof(DateParts.Day), "Day", model.Day, "2", "bday-day") +
            Part(nameof(DateParts.Month), "Month", model.Month, "2", "bday-month") +
            Part(nameof(DateParts.Year), "Year", model.Year, "4", "bday-year") +
            "</div></fieldset>");
    }

    private string? Attempted(string part) =>
        ViewContext.ViewData.ModelState.TryGetValue($"{Name}.{part}", out var entry) ? entry.AttemptedValue : null;
}

/// <summary>&lt;govuk-checkboxes for="Input.Roles" legend="Roles" items="..." /&gt;.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxesTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", FormGroupClass());
        var selected = (For.Model as System.Collections.IEnumerable)?.Cast<object>().Select(v => v.ToString()).ToHashSet() ?? [];
        var items = string.Concat(Items.Select((item, index) =>
        {
            var itemId = index == 0 ? Id : $"{Id}-{index + 1}";
            var isChecked = selected.Contains(item.Value) || item.Selected ? " checked" : string.Empty;
            return "<div class=\"govuk-checkboxes__item\">" +
                $"<input class=\"govuk-checkboxes__input\" id=\"{itemId}\" name=\"{Name}\" type=\"checkbox\" value=\"{Encode(item.Value)}\"{isChecked}>" +
                $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{itemId}\">{Encode(item.Text)}</label></div>";
        }));
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{DescribedBy()}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Legend)}</legend>" +
            HintHtml() + ErrorHtml() +
            $"<div class=\"govuk-checkboxes\" data-module=\"govuk-checkboxes\">{items}</div></fieldset>");
    }
}

/// <summary>
/// &lt;govuk-radios for="Input.Outcome" legend="Was the access justified?" items="..." /&gt;: GOV.UK radios. The bound
/// property should be nullable (an enum or bool), so that "nothing chosen" stays distinguishable from the first value.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    /// <summary>Side by side, for two short answers such as Yes and No.</summary>
    public bool Inline { get; set; }

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>A hint under an item's label, by the item's value (GOV.UK "radio items with hints").</summary>
    public IReadOnlyDictionary<string, string> ItemHints { get; set; } = new Dictionary<string, string>();

    /// <summary>
    /// The id of the questions an item reveals, by the item's value (a conditional reveal); several ids, separated by
    /// spaces, when an item reveals more than one block and blocks are shared between items. The page places them
    /// after the radios in <c>cm-conditional</c> blocks; <c>init.js</c> shows a block only while an item that reveals
    /// it is chosen and clears its answers when it hides. Without JavaScript every question shows.
    /// </summary>
    public IReadOnlyDictionary<string, string> ItemReveals { get; set; } = new Dictionary<string, string>();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", FormGroupClass());
        var current = CurrentValue();
        var items = string.Concat(Items.Select((item, index) =>
        {
            var itemId = index == 0 ? Id : $"{Id}-{index + 1}";
            var isChecked = string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase) || (current is null && item.Selected) ? " checked" : string.Empty;
            var hint = ItemHints.GetValueOrDefault(item.Value);
            var describedBy = hint is null ? string.Empty : $" aria-describedby=\"{itemId}-item-hint\"";
            var hintHtml = hint is null ? string.Empty : $"<div id=\"{itemId}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{Encode(hint)}</div>";
            return "<div class=\"govuk-radios__item\">" +
                $"<input class=\"govuk-radios__input\" id=\"{itemId}\" name=\"{Name}\" type=\"radio\" value=\"{Encode(item.Value)}\"{isChecked}{describedBy}{Reveals(item.Value)}>" +
                $"<label class=\"govuk-label govuk-radios__label\" for=\"{itemId}\">{Encode(item.Text)}</label>{hintHtml}</div>";
        }));
        var inline = Inline ? " govuk-radios--inline" : string.Empty;
        if (ItemReveals.Count > 0)
        {
            output.Attributes.SetAttribute("data-cm-reveals", string.Join(' ', ItemReveals.Values.SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct()));
        }

        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{DescribedBy()}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Legend)}</legend>" +
            HintHtml() + ErrorHtml() +
            $"<div class=\"govuk-radios{inline}\" data-module=\"govuk-radios\">{items}</div></fieldset>");
    }

    private string Reveals(string value) =>
        ItemReveals.TryGetValue(value, out var target) ? $" aria-controls=\"{Encode(target)}\" data-cm-reveal=\"{Encode(target)}\"" : string.Empty;
}

/// <summary>&lt;govuk-select for="Input.AgencyCode" label="Agency" items="..." /&gt;.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", FormGroupClass());
        var current = CurrentValue();
        var errorClass = Errors.Count > 0 ? " govuk-select--error" : string.Empty;
        var options = string.Concat(Items.Select(item =>
            $"<option value=\"{Encode(item.Value)}\"{(item.Value == current ? " selected" : string.Empty)}>{Encode(item.Text)}</option>"));
        output.Content.SetHtmlContent(
            $"<label class=\"govuk-label\" for=\"{Id}\">{Encode(Label)}</label>" + HintHtml() + ErrorHtml() +
            $"<select class=\"govuk-select{errorClass}\" id=\"{Id}\" name=\"{Name}\"{DescribedBy()}>{options}</select>");
    }
}

/// <summary>&lt;govuk-error-summary /&gt;: the GOV.UK error summary, listing every ModelState error with a link to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var items = string.Concat(modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => FormPosition(entry.Key), PositionComparer.Instance)
            .Select(entry =>
            {
                var message = HtmlEncoder.Default.Encode(entry.Value!.Errors[0].ErrorMessage);
                if (string.IsNullOrEmpty(entry.Key))
                {
                    return $"<li>{message}</li>";
                }

                // A date input's error is on the whole date; its link goes to the first box.
                var target = TagBuilder.CreateSanitizedId(entry.Key, "_");
                if (modelState.ContainsKey(entry.Key + ".Day"))
                {
                    target += "_Day";
                }

                return $"<li><a href=\"#{target}\">{message}</a></li>";
            }));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Attributes.SetAttribute("data-testid", "error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }

    /// <summary>
    /// Where a field comes on the form, as the declaration order of the properties along its path ("Input.RecordedOn"
    /// is Input's 6th property), so that errors are listed in the order of the questions, as GOV.UK asks. Errors that
    /// belong to no field come first; unknown names last.
    /// </summary>
    private int[] FormPosition(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return [-1];
        }

        var positions = new List<int>();
        var metadata = ViewContext.ViewData.ModelMetadata;
        foreach (var segment in key.Split('.'))
        {
            var name = segment.Split('[')[0];
            var properties = metadata?.Properties.ToList() ?? [];
            var index = properties.FindIndex(p => p.PropertyName == name);
            positions.Add(index < 0 ? int.MaxValue : index);
            metadata = index < 0 ? null : properties[index];
        }

        return [.. positions];
    }

    private sealed class PositionComparer : IComparer<int[]>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}

/// <summary>The three boxes of a GOV.UK date input, bound as strings so that what the user typed is kept.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) =>
        date is { } d ? new DateParts { Day = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), Month = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) } : new DateParts();

    /// <summary>The date, or null when the boxes are empty; false when they do not make a real date.</summary>
    public bool TryGetDate(out DateOnly? date)
    {
        date = null;
        if (IsEmpty)
        {
            return true;
        }

        if (int.TryParse(Day, out var day) && int.TryParse(Month, out var month) && int.TryParse(Year, out var year)
            && year is >= 1000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }

        return false;
    }
}
