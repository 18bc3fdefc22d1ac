using Clinical.Cli;
using Spectre.Console;

return await CliApp.RunAsync(args, AnsiConsole.Console, Console.Out, Console.Error);
