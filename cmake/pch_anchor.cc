// The translation unit the shared precompiled test headers are built with
// (cmake/Precompiled.cmake).
namespace aircargo {
int pch_anchor = 0;
}  // namespace aircargo
