// Rendering documents for commands.
#include "render.hpp"

#include "report/render.hpp"

namespace kunde::cmd {

void render(Context& ctx, const report::Document& doc, const RenderOptions& options) {
  report::render(doc, ctx.format(options.fallback), ctx.out(), ctx.writer_options(options.safe_csv));
}

void render_list(Context& ctx, const std::string& key, std::vector<std::string> columns,
                 const std::function<void(const report::RowEmit&)>& rows, const RenderOptions& options) {
  report::Document doc;
  auto& table = doc.table(key, "", std::move(columns));
  table.primary = true;
  table.stream = rows;
  render(ctx, doc, options);
}

report::Document record_document(const std::vector<std::string>& fields, const std::vector<Value>& values) {
  report::Document doc;
  auto& f = doc.fields();
  for (std::size_t i = 0; i < fields.size() && i < values.size(); ++i) f.add(fields[i], fields[i], values[i]);
  return doc;
}

void render_record(Context& ctx, const std::vector<std::string>& fields, const std::vector<Value>& values) {
  render(ctx, record_document(fields, values));
}

}  // namespace kunde::cmd
