// The shared validation rules record where each node came from as a FlagOrigin: here, the span of
// appsettings text it was read from (at run time, the configuration source and key).
global using FlagOrigin = Microsoft.CodeAnalysis.Text.TextSpan;
