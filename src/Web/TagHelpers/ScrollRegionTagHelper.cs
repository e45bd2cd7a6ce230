using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CaseManager.Web.TagHelpers;

/// <summary>
/// &lt;cm-scroll-region label="Audit entries"&gt;: a wide table scrolls sideways inside this box, so that the page
/// itself does not at 320 CSS pixels (WCAG 2.2 1.4.10 Reflow). A scrolling box must be reachable and named for
/// keyboard and screen reader users, so it is focusable (tabindex 0) and a labelled region.
/// </summary>
[HtmlTargetElement("cm-scroll-region")]
public sealed class ScrollRegionTagHelper : TagHelper
{
    /// <summary>What the region holds, read out when it takes focus.</summary>
    public string Label { get; set; } = string.Empty;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "cm-scroll-region");
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("aria-label", Label);
    }
}
