using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages;

public sealed class ErrorModel : PageModel
{
    public string TraceId { get; private set; } = string.Empty;

    public void OnGet() => TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
}
