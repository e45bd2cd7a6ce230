using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages;

/// <summary>The page shown for an error status on a page request (404, 403 and the rest).</summary>
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public void OnGet(int code)
    {
        (Title, Lines) = code switch
        {
            404 => ("Page not found", (IReadOnlyList<string>)[
                "If you typed the web address, check it is correct.",
                "If you followed a link to a record, it may not exist, or it may belong to another agency and not be shared with yours."]),
            403 => ("You do not have access to this page", ["Your role does not allow this. Ask your manager or administrator if you need it."]),
            _ => ("Sorry, there is a problem with the service", ["Try again later."]),
        };
    }
}
